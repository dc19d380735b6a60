"""The command line of enrolment, shared by `madoguchi enroll|unenroll` (ui/app.py hands the
arguments over before Qt is touched) and `python -m app.enrolment`.

Exit codes: 0 done (or nothing to do), 2 refused (the Japanese message and the English code
on stderr, for the person at the terminal and for the installer's log).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Final, TextIO

from app.enrolment.errors import EnrolmentError
from app.enrolment.install import enroll, unenroll

COMMANDS: Final = ("enroll", "unenroll")


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="madoguchi", description="窓口端末の登録 (terminal enrolment)")
    commands = root.add_subparsers(dest="command", required=True)
    add = commands.add_parser("enroll", help="enrol this terminal with the bundle an administrator exported")
    add.add_argument("bundle", type=Path, help="directory written by `madoguchi-registry terminal enroll`")
    add.add_argument("--settings", type=Path, default=None, help="terminal settings file to write")
    add.add_argument("--into", type=Path, default=None,
                     help="directory for the enrolment (default: 'enrolment' beside the settings)")
    add.add_argument("--registry-url", default=None, help="the registry's https:// URL, if not set yet")
    add.add_argument("--keyring", choices=("auto", "system", "file", "machine"), default=None,
                     help="where the key's secret goes (default: the OS keyring if one runs; "
                          "machine: one keyring for every account of this machine, as administrator)")
    add.add_argument("--keyring-file", type=Path, default=None,
                     help="file of the encrypted file keyring or of the machine keyring")
    add.add_argument("--remove-bundle-key", action="store_true",
                     help="delete terminal-key.pem from BUNDLE afterwards (an installer's copy)")
    add.add_argument("--check-online", action="store_true",
                     help="also check the bundle against the registry at the configured URL")
    remove = commands.add_parser("unenroll", help="remove this terminal's key from the keyring")
    remove.add_argument("--settings", type=Path, default=None, help="terminal settings file")
    return root


def run(argv: list[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "enroll":
            result = enroll(
                args.bundle, settings_path=args.settings, target_dir=args.into,
                registry_url=args.registry_url, keyring_kind=args.keyring,
                keyring_file=args.keyring_file, remove_bundle_key=args.remove_bundle_key,
                check_online=args.check_online,
            )
            record = result.enrolment
            if result.already_enrolled:
                print(f"端末「{record.terminal}」は登録済みです。", file=out)
                print(f"already enrolled: {record.terminal}", file=out)
            else:
                print(f"端末「{record.terminal}」を登録しました（証明書の有効期限 {record.not_after[:10]}）。",
                      file=out)
                print(f"enrolled: {record.terminal} serial={record.serial}", file=out)
            print(f"key secret: {record.keystore.describe()}", file=out)
            print(f"settings: {result.settings_path}", file=out)
            for warning in result.warnings:
                print(f"warning: {warning}", file=err)
        else:
            removed = unenroll(settings_path=args.settings)
            if removed.removed_entry or removed.removed_files:
                print("端末の登録を解除しました。", file=out)
                print(f"unenrolled: keyring entry removed={removed.removed_entry}, "
                      f"files removed={len(removed.removed_files)}", file=out)
            else:
                print("登録された鍵はありません。", file=out)
                print("nothing enrolled", file=out)
    except EnrolmentError as exc:
        print(f"madoguchi {args.command}: {exc.japanese}", file=err)
        print(f"  [{exc.code}] {exc.english}" + (f" ({exc.detail})" if exc.detail else ""), file=err)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(list(sys.argv[1:] if argv is None else argv))
