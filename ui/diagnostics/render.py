"""The diagnostic report as text for the helpdesk's view (headings translated, values as is)."""

from __future__ import annotations

from app.diagnostics.report import DiagnosticReport
from ui.i18n import translate


def _yes_no(value: bool) -> str:
    return translate("Diagnostics", "はい") if value else translate("Diagnostics", "いいえ")


def render_report(report: DiagnosticReport) -> str:
    lines: list[str] = [translate("Diagnostics", "診断日時: %1").replace("%1", report.created_at), ""]

    lines.append(translate("Diagnostics", "■ バージョン"))
    lines += [f"  {key}: {value}" for key, value in report.versions.items()]

    lines += ["", translate("Diagnostics", "■ 設定（秘密情報を除く）")]
    lines += [f"  {key}: {'' if value is None else value}" for key, value in report.config.items()]

    lines += ["", translate("Diagnostics", "■ 住基システムへの接続")]
    check = report.registry
    if check is None:
        lines.append(translate("Diagnostics", "  確認していません"))
    else:
        lines.append(f"  URL: {check.url}")
        lines.append(translate("Diagnostics", "  接続できる: %1").replace("%1", _yes_no(check.reachable)))
        lines.append(translate("Diagnostics", "  証明書の検証: %1").replace("%1", _yes_no(check.verified)))
        if check.latency_ms is not None:
            lines.append(translate("Diagnostics", "  応答時間: %1 ms").replace("%1", f"{check.latency_ms:.1f}"))
        if check.server_version:
            lines.append(translate("Diagnostics", "  サーバーのバージョン: %1").replace(
                "%1", f"{check.server_version} ({check.database or '-'})"))
        if check.tls_version:
            lines.append(f"  TLS: {check.tls_version} {check.cipher or ''}")
        cert = check.certificate
        if cert is not None:
            lines.append(translate("Diagnostics", "  証明書の主体: %1").replace("%1", cert.subject))
            lines.append(translate("Diagnostics", "  発行者: %1").replace("%1", cert.issuer))
            lines.append(translate("Diagnostics", "  有効期限: %1（残り %2 日）")
                         .replace("%1", cert.not_after).replace("%2", str(cert.days_left)))
            lines.append(f"  SHA-256: {cert.sha256}")
            if cert.names:
                lines.append(f"  subjectAltName: {', '.join(cert.names)}")
        if check.error_code:
            lines.append(translate("Diagnostics", "  エラー: %1").replace(
                "%1", f"{check.error_code} {check.error_detail or ''}".strip()))

    lines += ["", translate("Diagnostics", "■ カードリーダー")]
    readers = report.readers
    if readers is None:
        lines.append(translate("Diagnostics", "  確認していません"))
    else:
        lines.append(translate("Diagnostics", "  PC/SC サービス: %1").replace(
            "%1", _yes_no(readers.service_available)))
        if readers.error_code:
            lines.append(f"  {readers.error_code}: {readers.error_message or ''}")
        if readers.service_available and not readers.readers:
            lines.append(translate("Diagnostics", "  リーダーが見つかりません"))
        for reader in readers.readers:
            state = (translate("Diagnostics", "カードあり") if reader.card_present
                     else translate("Diagnostics", "カードなし"))
            extra = " ".join(x for x in (reader.card_kind, reader.card_error,
                                         "mute" if reader.mute else None) if x)
            lines.append(f"  - {reader.name}: {state} {extra}".rstrip())

    lines += ["", translate("Diagnostics", "■ プリンター")]
    if report.printers is None:
        lines.append(translate("Diagnostics", "  確認していません"))
    elif not report.printers:
        lines.append(translate("Diagnostics", "  プリンターが見つかりません"))
    else:
        lines += [f"  - {name}" for name in report.printers]

    shown = len(report.log_tail)  # a call inside translate()'s arguments hides it from lupdate
    lines += ["", translate("Diagnostics", "■ ログ（最新 %n 行）", None, shown)]
    lines += [f"  {line}" for line in report.log_tail]
    return "\n".join(lines) + "\n"
