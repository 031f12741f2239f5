"""A loan's schedule as a printable page in Vietnamese (dd/mm/yyyy, amounts "1.000.000 đồng"). It names no one:
the loan, its commune and its figures only, so a printout left on a desk says nothing of who was in prison; the
branch writes the borrower's name on the signed copy from the bank's own record."""

from datetime import date
from html import escape

from hoanhap_credit.adapters.schedule_views import Instalment
from hoanhap_credit.domain.loan_record import LoanRecord
from hoanhap_credit.domain.wording import day, dong

STATUS_VI = {"paid": "Đã trả", "due": "Chưa đến hạn", "overdue": "Quá hạn"}
STYLE = ("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
         "td,th{border:1px solid #444;padding:4px 8px}td.so{text-align:right}@media print{a{display:none}}")


def schedule_page(record: LoanRecord, lines: list[Instalment], today: date) -> str:
    """The whole page."""
    loan = record.loan
    rows = "".join(
        f"<tr><td>{line.number}</td><td>{day(line.due_on)}</td><td class=so>{dong(line.principal)}</td>"
        f"<td class=so>{dong(line.interest)}</td><td class=so>{dong(line.outstanding_after)}</td>"
        f"<td>{STATUS_VI[line.status]}</td></tr>" for line in lines)
    rate = "" if loan.annual_rate is None else f"{loan.annual_rate * 100:.2f}".rstrip("0").rstrip(".") + "%/năm"
    facts = (f"<p>Khoản vay: {escape(str(record.loan_id))}<br>Mã xã: {escape(record.party.commune_code)}, "
             f"mã tỉnh: {escape(record.party.province_code)}<br>Số tiền đã giải ngân: {dong(loan.disbursed)}<br>"
             f"Lãi suất: {rate}<br>Ngày in: {day(today)}</p>")
    empty = "<p>Khoản vay chưa được giải ngân: chưa có lịch trả nợ.</p>"
    table = ("<table><thead><tr><th>Kỳ</th><th>Ngày đến hạn</th><th>Gốc</th><th>Lãi</th><th>Dư nợ còn lại</th>"
             f"<th>Tình trạng</th></tr></thead><tbody>{rows}</tbody></table>") if lines else empty
    return (f"<!doctype html><html lang=vi><head><meta charset=utf-8><title>Lịch trả nợ</title>"
            f"<style>{STYLE}</style></head><body><h1>Lịch trả nợ</h1>{facts}{table}</body></html>")
