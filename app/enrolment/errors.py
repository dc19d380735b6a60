"""Why an enrolment was refused: a stable English code, the Japanese text for the person at
the terminal, and an English sentence for the administrator's log and the installer."""

from __future__ import annotations

from typing import Final

# code: (Japanese for the counter, English for the administrator)
MESSAGES: Final[dict[str, tuple[str, str]]] = {
    "bundle_not_found": (
        "登録ファイルのフォルダが見つかりません。",
        "the enrolment bundle directory does not exist",
    ),
    "bundle_incomplete": (
        "登録ファイルが足りません。管理者がエクスポートしたフォルダをそのまま指定してください。",
        "the bundle lacks terminal.pem, terminal-key.pem, registry-ca.pem or enrolment.json",
    ),
    "bundle_unreadable": (
        "登録ファイルを読み取れません。エクスポートし直してください。",
        "a file of the bundle is not valid PEM or JSON",
    ),
    "bundle_inconsistent": (
        "登録ファイルの内容が一致しません（端末名または証明書番号）。エクスポートし直してください。",
        "enrolment.json does not describe the enclosed certificate (name or serial)",
    ),
    "ca_mismatch": (
        "住基システムの CA 証明書が登録情報と一致しません。改ざんの可能性があります。",
        "the sha256 of registry-ca.pem differs from registry_ca_sha256 in enrolment.json",
    ),
    "ca_invalid": (
        "住基システムの CA 証明書が正しくありません。",
        "registry-ca.pem is not a valid self-signed CA certificate",
    ),
    "key_mismatch": (
        "端末証明書と秘密鍵が対になっていません。",
        "terminal-key.pem is not the private key of terminal.pem",
    ),
    "chain_invalid": (
        "端末証明書が同梱の CA で発行されたものではありません。",
        "terminal.pem is not signed by the CA enclosed in the bundle",
    ),
    "not_client_certificate": (
        "端末用の証明書ではありません。",
        "terminal.pem is a CA certificate or lacks the clientAuth usage",
    ),
    "certificate_expired": (
        "端末証明書の有効期限が切れています。管理者に新しい登録ファイルを依頼してください。",
        "the terminal certificate has expired",
    ),
    "certificate_not_yet_valid": (
        "端末証明書がまだ有効になっていません。端末の時計を確認してください。",
        "the terminal certificate is not valid yet (check the clock)",
    ),
    "other_registry": (
        "この端末は別の住基システムに登録されています。登録を変えるには先に「madoguchi unenroll」を実行してください。",
        "this terminal is enrolled with another registry (different CA); run `madoguchi unenroll` first",
    ),
    "registry_refused": (
        "住基システムがこの端末証明書を受け付けませんでした。",
        "the registry did not accept the terminal certificate (online check)",
    ),
    "registry_unreachable": (
        "住基システムに接続できず、登録ファイルを確認できませんでした。",
        "the registry could not be reached for the online check",
    ),
    "no_keyring": (
        "秘密鍵を保管できる場所（OS のキーリング）がありません。",
        "no usable keyring: no OS keyring service and no secret for the encrypted file keyring",
    ),
    "keyring_unreadable": (
        "端末の鍵の保管庫を開けません。端末の管理者に連絡してください。",
        "the keyring holding the terminal key cannot be opened (wrong secret or damaged file)",
    ),
    "keyring_denied": (
        "端末共通の鍵の保管庫に書き込めません。管理者として実行してください。",
        "the machine keyring cannot be written by this account: enrol or unenrol as administrator (root)",
    ),
    "not_enrolled": (
        "この端末は登録されていません。",
        "this terminal is not enrolled",
    ),
    "settings_invalid": (
        "端末の設定ファイルに誤りがあります。",
        "the terminal settings file is invalid",
    ),
}


class EnrolmentError(Exception):
    """A refusal with a stable `code`; `japanese` is what the counter sees."""

    def __init__(self, code: str, detail: str = "") -> None:
        self.code = code
        self.japanese, self.english = MESSAGES.get(code, ("端末を登録できませんでした。", code))
        self.detail = detail
        super().__init__(f"{code}: {self.english}" + (f" ({detail})" if detail else ""))
