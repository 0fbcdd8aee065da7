"""The sandbox: a preloaded zygote that forks one locked-down child per submission.

Main process                 zygote (forked at start-up)        child (one per submission)
-------------                ---------------------------        --------------------------
start() ------ fork ------>  imports numpy, torch, stdlib
run(job): socketpair(a, b)
  send "spawn" + fd b ---->  mkdtemp jail, fork ------------->  limits, no network, chroot jail,
  send job on a -------------------------------------------->  setuid nobody, read job,
  read events on a <-----------------------------------------  run cells and checks, write events
  (kill on deadline)         waitpid, rm jail
  read exit status <------   send exit status

The zygote is forked before the grader imports any reference, check or expected
value, and it never sees a job or a result (they travel on a socket straight
between the main process and the child), so a child's memory holds nothing
but the preloaded libraries and its own submission. The child only observes:
verdicts and scores are computed in the main process.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import resource
import select
import shutil
import signal
import socket
import struct
import sys
import tempfile
import time
from dataclasses import dataclass, field

from .course import Limits

FRAME = struct.Struct(">I")
MAX_EVENTS_BYTES = 64 << 20
CLONE_NEWNET = 0x40000000
NOT_PRELOADED = {
    "antigravity",
    "this",
    "tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "ensurepip",
    "venv",
    "test",
    "pydoc_data",
    "__phello__",
    "xxsubtype",
    "pty",
    "tty",
    "curses",
    "readline",
    "webbrowser",
    "msilib",
    "winreg",
    "winsound",
    "msvcrt",
    "nt",
    "_winapi",
    "_msi",
    "_overlapped",
    "_wmi",
    "nturl2path",
    "ntpath",
    "asyncio",
}
TORCH_MODULES = [
    "torch",
    "torch.nn",
    "torch.nn.functional",
    "torch.nn.init",
    "torch.linalg",
    "torch.distributions",
    "torch.special",
    "torch.fft",
    "torch.func",
    "torch.utils.data",
    "torch.optim",
    "torch.optim.lr_scheduler",
    "torch.autograd",
    "torch.autograd.functional",
]


# -- framing ---------------------------------------------------------------


def send_frame(sock: socket.socket, obj: dict, fds: list[int] | None = None) -> None:
    data = json.dumps(obj, separators=(",", ":")).encode()
    payload = FRAME.pack(len(data)) + data
    if fds:
        socket.send_fds(sock, [payload[:1]], fds)
        sock.sendall(payload[1:])
    else:
        sock.sendall(payload)


def _read_exact(sock: socket.socket, n: int) -> bytes:
    chunks = []
    while n:
        chunk = sock.recv(min(n, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


def recv_frame(sock: socket.socket) -> dict:
    (n,) = FRAME.unpack(_read_exact(sock, FRAME.size))
    return json.loads(_read_exact(sock, n))


# -- the zygote ------------------------------------------------------------


def preload(torch: bool = True) -> None:
    """Import what graded code may use: after the drop to nobody nothing else loads."""
    import importlib

    for name in sorted(sys.stdlib_module_names - NOT_PRELOADED):
        if name.startswith("_") and name not in {"__future__"}:
            continue
        with contextlib.suppress(Exception):
            importlib.import_module(name)
    import numpy as np

    for name in (
        "numpy.linalg",
        "numpy.random",
        "numpy.fft",
        "numpy.polynomial",
        "numpy.lib.stride_tricks",
    ):
        importlib.import_module(name)
    _warm_numpy(np)
    if torch:
        for name in TORCH_MODULES:
            importlib.import_module(name)
        _warm_torch()
    importlib.import_module("mlcourse_check")
    importlib.import_module("autograder.child")


def _warm_numpy(np) -> None:
    a = np.random.default_rng(0).normal(size=(4, 3))
    repr(a), str(a), np.linalg.lstsq(a, a[:, 0], rcond=None), np.linalg.eigh(a.T @ a)
    np.percentile(a, 25, axis=0), np.nanmean(a), np.unique(a), np.linalg.svd(a)
    np.einsum("ij,ij->i", a, a), np.sort(a), np.linalg.pinv(a), np.median(a, axis=0)


def _warm_torch() -> None:
    """Run the common ops once so lazy imports and CPU detection happen here."""
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(1)
    g = torch.Generator().manual_seed(0)
    x = torch.randn(2, 3, 4, generator=g, requires_grad=True)
    lin = torch.nn.Linear(4, 4)
    y = F.softmax(lin(x), dim=-1).masked_fill(
        torch.zeros(2, 3, 4, dtype=torch.bool), 0.0
    )
    y = torch.tanh(y) + F.gelu(y) + F.relu(y) + torch.sigmoid(y)
    (y @ y.transpose(-2, -1)).sum().backward()
    (
        repr(x),
        str(y.detach()),
        repr(lin),
        lin.state_dict(),
        torch.einsum("bij,bkj->bik", y, y),
    )
    F.scaled_dot_product_attention(y, y, y)
    torch.nn.MultiheadAttention(4, 2, batch_first=True)(y, y, y)
    F.conv2d(torch.randn(1, 1, 5, 5), torch.randn(2, 1, 3, 3)).max()
    torch.distributions.Categorical(probs=torch.ones(3)).entropy()
    torch.optim.Adam(lin.parameters()).step()
    torch.randn(3, dtype=torch.float64).numpy(), torch.from_numpy(x.detach().numpy())


def _zygote(control: socket.socket, torch: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    preload(torch)
    send_frame(control, {"ready": True})
    while True:
        try:
            request, fds = _recv_spawn(control)
        except (EOFError, ConnectionError, OSError):
            os._exit(0)
        jail = _make_jail()
        pid = os.fork()
        if pid == 0:
            control.close()
            _child(fds[0], jail, Limits(**request["limits"]))
        os.close(fds[0])
        send_frame(control, {"pid": pid})
        _, status = os.waitpid(pid, 0)
        shutil.rmtree(jail, ignore_errors=True)
        send_frame(control, {"exit": _exit_description(status)})


def _recv_spawn(control: socket.socket) -> tuple[dict, list[int]]:
    first, fds, _, _ = socket.recv_fds(control, 1, 1)
    if not first:
        raise EOFError
    rest = _read_exact(control, FRAME.size - 1)
    (n,) = FRAME.unpack(first + rest)
    return json.loads(_read_exact(control, n)), fds


def _make_jail() -> str:
    jail = tempfile.mkdtemp(prefix="mlcourse-jail-")
    os.makedirs(os.path.join(jail, "tmp"), mode=0o1777)
    os.chmod(os.path.join(jail, "tmp"), 0o1777)
    if os.geteuid() == 0:
        uid, gid = _nobody()
        os.chown(jail, uid, gid)
    return jail


def _nobody() -> tuple[int, int]:
    import pwd

    try:
        entry = pwd.getpwnam("nobody")
        return entry.pw_uid, entry.pw_gid
    except KeyError:
        return 65534, 65534


def _exit_description(status: int) -> dict:
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        return {
            "signal": signal.Signals(sig).name
            if sig in signal.Signals._value2member_map_
            else str(sig)
        }
    return {"code": os.WEXITSTATUS(status)}


# -- the child -------------------------------------------------------------


def _lock_down(jail: str, limits: Limits) -> None:
    """Limits, no network, a private root folder and an unprivileged user."""
    data_now = _vm_data_bytes()
    rlimits = {
        resource.RLIMIT_CPU: (int(limits.cpu_seconds), int(limits.cpu_seconds) + 1),
        resource.RLIMIT_DATA: (data_now + limits.memory_mib * 2**20,) * 2,
        resource.RLIMIT_FSIZE: (16 << 20,) * 2,
        resource.RLIMIT_CORE: (0, 0),
        resource.RLIMIT_NOFILE: (256, 256),
    }
    if os.geteuid() == 0:
        rlimits[resource.RLIMIT_NPROC] = (64, 64)
    for which, value in rlimits.items():
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(which, value)
    if os.geteuid() == 0:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).unshare(CLONE_NEWNET)
        uid, gid = _nobody()
        os.chroot(jail)
        os.chdir("/tmp")
        os.setgroups([])
        os.setgid(gid)
        os.setuid(uid)
    else:
        os.chdir(os.path.join(jail, "tmp"))
    os.environ.update(MLCOURSE_SANDBOX="1", HOME="/tmp", TMPDIR="/tmp")


def _vm_data_bytes() -> int:
    with contextlib.suppress(OSError):
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    return 0


def _child(fd: int, jail: str, limits: Limits) -> None:
    code = 0
    try:
        os.setsid()
        null = os.open("/dev/null", os.O_RDWR)
        for target in (0, 1, 2):
            os.dup2(null, target)
        os.dup2(fd, 3)
        os.closerange(4, 1 << 16)
        sock = socket.socket(fileno=3)
        _lock_down(jail, limits)
        from .child import run_job

        run_job(recv_frame(sock), lambda event: send_frame(sock, event))
    except BaseException:  # nothing of the child's may reach the zygote
        code = 70
    os._exit(code)


# -- the main process's side ----------------------------------------------


def _holds_answers(module: str) -> bool:
    """A reference or a lesson's checks (their tests and the bare packages hold none)."""
    if module.startswith("solutions."):
        return not module.startswith("solutions.tests")
    return module.startswith("autograder.checks.")


@dataclass
class Outcome:
    events: list[dict] = field(default_factory=list)
    exit: dict = field(default_factory=dict)
    timed_out: bool = False
    overflow: bool = False
    seconds: float = 0.0


class Sandbox:
    """One zygote; `run` grades one job at a time (start several for parallel work)."""

    _open: list[socket.socket] = []  # control sockets a new zygote must not keep

    def __init__(self, torch: bool = True):
        loaded = [m for m in sys.modules if _holds_answers(m)]
        if loaded:
            raise RuntimeError(
                f"start the sandbox before importing references or checks ({loaded[0]})"
            )
        self._control, theirs = socket.socketpair()
        self.pid = os.fork()
        if self.pid == 0:
            for sock in [self._control, *Sandbox._open]:
                with contextlib.suppress(OSError):
                    sock.close()
            try:
                _zygote(theirs, torch)
            finally:
                os._exit(0)
        theirs.close()
        Sandbox._open.append(self._control)
        recv_frame(self._control)

    def run(self, job: dict, limits: Limits) -> Outcome:
        ours, theirs = socket.socketpair()
        start = time.monotonic()
        try:
            send_frame(self._control, {"limits": limits.__dict__}, [theirs.fileno()])
            theirs.close()
            pid = recv_frame(self._control)["pid"]
            outcome = Outcome()
            try:
                send_frame(ours, job)
            except OSError:
                pass  # the child died before reading: its exit status says why
            deadline = start + 2 * limits.cpu_seconds + 5
            self._read_events(ours, pid, deadline, outcome)
            outcome.exit = recv_frame(self._control)["exit"]
        finally:
            ours.close()
        outcome.seconds = time.monotonic() - start
        return outcome

    def _read_events(
        self, sock: socket.socket, pid: int, deadline: float, outcome: Outcome
    ) -> None:
        buffer, total = b"", 0
        while True:
            left = deadline - time.monotonic()
            ready = select.select([sock], [], [], max(left, 0))[0] if left > 0 else []
            if not ready:
                outcome.timed_out = True
                break
            chunk = sock.recv(1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_EVENTS_BYTES:
                outcome.overflow = True
                break
            buffer += chunk
            while len(buffer) >= FRAME.size:
                (n,) = FRAME.unpack(buffer[: FRAME.size])
                if len(buffer) < FRAME.size + n:
                    break
                with contextlib.suppress(ValueError):
                    outcome.events.append(
                        json.loads(buffer[FRAME.size : FRAME.size + n])
                    )
                buffer = buffer[FRAME.size + n :]
        if outcome.timed_out or outcome.overflow:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)

    def close(self) -> None:
        if self._control in Sandbox._open:
            Sandbox._open.remove(self._control)
        with contextlib.suppress(OSError):
            self._control.close()
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(self.pid, 0)

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
