"""A borrower list (Form 01) as a printable page: the title, the commune, the table, and the blocks where the
commune police sign and the commune People's Committee certifies, dates as dd/mm/yyyy. Every value is escaped."""

from html import escape
from typing import Any

from hoanhap_registry.api.form01_sheets import HEADERS, day, place_name, table_rows

STYLE = ("body{font-family:'Times New Roman',serif;margin:2cm}table{border-collapse:collapse;width:100%}"
         "th,td{border:1px solid #000;padding:4px}.top,.signatures{display:flex;justify-content:space-between}"
         ".centre{text-align:center}@media print{.no-print{display:none}}")


def form01_page(listing: dict[str, Any]) -> str:
    """The whole page."""
    commune = place_name(None, listing["commune_code"], listing["province_code"])
    head = "".join(f"<th>{escape(name)}</th>" for name in HEADERS)
    rows = "".join("<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in cells) + "</tr>"
                   for cells in table_rows(listing))
    return (f"<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Mẫu 01 - {escape(commune)}"
            f"</title><style>{STYLE}</style></head><body>"
            "<div class=\"top\"><div class=\"centre\">CÔNG AN<br><b>" + escape(commune) + "</b></div>"
            "<div class=\"centre\"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc</div>"
            "</div><p class=\"centre\">Mẫu số 01</p>"
            "<h1 class=\"centre\">DANH SÁCH NGƯỜI CHẤP HÀNH XONG ÁN PHẠT TÙ CÓ NHU CẦU VAY VỐN</h1>"
            f"<p class=\"centre\">(Quyết định 22/2023/QĐ-TTg) — {escape(commune)} — lập ngày "
            f"{day(listing['drawn_on'])}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
            f"<div class=\"signatures\">{police_block(listing)}{certification_block(listing)}</div></body></html>")


def police_block(listing: dict[str, Any]) -> str:
    """Where the commune police sign."""
    return (f"<div class=\"centre\"><p>Ngày {day(listing['drawn_on'])}</p><b>CÔNG AN XÃ</b>"
            "<p><i>(Ký, ghi rõ họ tên, đóng dấu)</i></p></div>")


def certification_block(listing: dict[str, Any]) -> str:
    """Where the commune People's Committee certifies, filled in once the certification is recorded."""
    certified = listing["certification"]
    when = f"Ngày {day(certified['certified_on'])}" if certified else "Ngày ..... tháng ..... năm ......."
    who = f"<p>{escape(certified['certified_by'])}</p>" if certified else ""
    return (f"<div class=\"centre\"><p>{when}</p><b>UBND XÃ XÁC NHẬN</b>"
            f"<p><i>(Ký, ghi rõ họ tên, đóng dấu)</i></p>{who}</div>")
