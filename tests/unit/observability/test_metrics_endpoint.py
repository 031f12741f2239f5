"""/metrics serves every declared metric in Prometheus text format, however many apps one process builds."""

from fastapi import FastAPI
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY, generate_latest

from hoanhap.observability import install_metrics, install_observability
from hoanhap.observability.metrics import exposed_registry


def test_metrics_endpoint_serves_the_request_histogram_after_a_request():
    app = FastAPI()
    install_observability(app)
    app.add_api_route("/cases/{case_id}", lambda case_id: {"case_id": case_id})
    client = TestClient(app)
    client.get("/cases/7")

    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain; version=")
    assert ('hoanhap_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/cases/{case_id}",'
            'status="200"}') in response.text


def test_many_apps_in_one_process_each_serve_metrics():
    for _ in range(3):
        app = FastAPI()
        install_observability(app, "supervision")
        assert TestClient(app).get("/metrics").status_code == 200


def test_installing_metrics_twice_serves_one_route():
    app = FastAPI()
    install_metrics(app)
    install_metrics(app)
    assert [route.path for route in app.router.routes].count("/metrics") == 1


def test_with_a_multiprocess_folder_metrics_come_from_the_workers_files(monkeypatch, tmp_path):
    assert exposed_registry() is REGISTRY
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    assert generate_latest(exposed_registry()) == b""
