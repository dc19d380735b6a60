"""A private pcscd with vpcd readers, for tests, benchmarks and the demo.

pcscd listens on the one socket /run/pcscd/pcscd.comm, so only one can run on a machine. This
starts it in the foreground with its own reader configuration directory (-c), so the vpcd slots
use ports chosen here and nothing of /etc is touched. Needs root (pcscd writes /run/pcscd)
and the Debian packages pcscd and vsmartcard-vpcd; whatever is missing is said plainly.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Final

PCSCD: Final = "pcscd"
SOCKET: Final = Path("/run/pcscd/pcscd.comm")
PID_FILE: Final = Path("/run/pcscd/pcscd.pid")
VPCD_DRIVERS: Final = (
    Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so"),
    Path("/usr/lib64/pcsc/drivers/serial/libifdvpcd.so"),
    Path("/usr/local/lib/pcsc/drivers/serial/libifdvpcd.so"),
)
READER_NAME: Final = "Virtual PCD"
START_TIMEOUT_S: Final = 10.0


class StackUnavailable(RuntimeError):
    """pcscd or vpcd cannot be run here; the message says what to install or stop."""


def vpcd_driver() -> Path:
    for path in VPCD_DRIVERS:
        if path.exists():
            return path
    raise StackUnavailable(
        "vsmartcard-vpcd's reader driver (libifdvpcd.so) is not installed: "
        "apt-get install pcscd vsmartcard-vpcd (see installer/dev/system-packages.sh)"
    )


def running_pcscd_pid() -> int | None:
    """The pid of a pcscd already serving /run/pcscd, if there is one."""
    if not SOCKET.exists():
        return None
    try:
        pid = int(PID_FILE.read_text().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def free_port_pair() -> int:
    """A port p with p and p+1 both free (vpcd opens one per slot)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = int(s.getsockname()[1])
        if port >= 65535:
            continue
        with socket.socket() as s2:
            try:
                s2.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    raise StackUnavailable("no two consecutive free TCP ports on loopback")


def reader_name(slot: int) -> str:
    return f"{READER_NAME} 00 {slot:02d}"


class PcscdProcess:
    """`pcscd -f -c DIR` with one vpcd reader (two slots: ports `port` and `port + 1`)."""

    def __init__(
        self, port: int | None = None, *, log_path: Path | None = None, debug: bool = False
    ) -> None:
        self.port = port if port is not None else free_port_pair()
        self._dir: Path | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._log_path = log_path
        self._debug = debug
        self._log: object | None = None

    @property
    def readers(self) -> list[str]:
        return [reader_name(0), reader_name(1)]

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        binary = shutil.which(PCSCD) or (
            "/usr/sbin/pcscd" if Path("/usr/sbin/pcscd").exists() else None
        )
        if binary is None:
            raise StackUnavailable("pcscd is not installed: apt-get install pcscd vsmartcard-vpcd")
        driver = vpcd_driver()
        if os.geteuid() != 0:
            raise StackUnavailable("pcscd must be started as root (it creates /run/pcscd)")
        other = running_pcscd_pid()
        if other is not None:
            raise StackUnavailable(
                f"another pcscd (pid {other}) already serves /run/pcscd; the card tests need their "
                f"own with a private reader configuration. Stop it first (kill {other})."
            )
        self._dir = Path(tempfile.mkdtemp(prefix="madoguchi-pcscd-"))
        conf = self._dir / "conf"
        conf.mkdir()
        (conf / "vpcd").write_text(
            f'FRIENDLYNAME "{READER_NAME}"\n'
            f"DEVICENAME   /dev/null:0x{self.port:04X}\n"
            f"LIBPATH      {driver}\n"
            f"CHANNELID    0x{self.port:04X}\n"
        )
        log_path = self._log_path or (self._dir / "pcscd.log")
        log = open(log_path, "wb")
        self._log = log
        self._proc = subprocess.Popen(
            [binary, "--foreground", "--config", str(conf), *(["--debug"] if self._debug else [])],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.poll() is not None:
                raise StackUnavailable(
                    f"pcscd exited with {self._proc.returncode}: {self.log_tail()}"
                )
            if SOCKET.exists() and self._readers_listed():
                return
            time.sleep(0.05)
        self.stop()
        raise StackUnavailable(f"pcscd did not come up within {START_TIMEOUT_S:.0f} s")

    def _readers_listed(self) -> bool:
        # Asked through PC/SC itself: a probe of vpcd's port would look like a card insertion.
        from smartcard import scard

        rv, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
        if rv != scard.SCARD_S_SUCCESS:
            return False
        try:
            rv, readers = scard.SCardListReaders(context, [])
            return rv == scard.SCARD_S_SUCCESS and set(self.readers) <= set(readers)
        finally:
            scard.SCardReleaseContext(context)

    def log_tail(self, lines: int = 20) -> str:
        if self._dir is None:
            return ""
        path = self._log_path or (self._dir / "pcscd.log")
        try:
            return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        if self._log is not None:
            self._log.close()  # type: ignore[attr-defined]
            self._log = None
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def __enter__(self) -> PcscdProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
