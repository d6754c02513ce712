# Ladder's warm Python worker: the first process (pid 1) of a bubblewrap sandbox of its own.
#
# It reads one request per line on stdin ({"source", "limits"}), forks a child per program and
# answers one JSON line on stdout. The child starts from this already-started interpreter, so a
# program costs a fork instead of an interpreter start-up. Programs run one at a time; each gets
# a fresh working directory, its own rlimits and session, stdin from /dev/null and its own
# stdout/stderr pipes. When it ends (or at its wall-clock or output limit) every other process of
# the sandbox is killed (kill(-1) from pid 1) and reaped, and /tmp, /dev/shm and any SysV IPC
# objects are emptied before the next program starts. The worker is not dumpable, so a program
# (same uid, no capabilities) can neither ptrace it nor open its /proc files; as pid 1 it ignores
# the signals a program may send it.
import ctypes
import json
import os
import resource
import select
import shutil
import signal
import sys
import tempfile
import time

# Modules HumanEval and MBPP programs import most: imported once here, shared copy-on-write.
import bisect, collections, copy, datetime, decimal, fractions, functools, hashlib, heapq  # noqa: E401,F401
import itertools, math, operator, random, re, statistics, string, typing, linecache, traceback  # noqa: E401,F401
import types, io, builtins, atexit  # noqa: E401,F401

KEEP = 65536
PR_SET_DUMPABLE = 4
ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
MAX_FD = os.sysconf("SC_OPEN_MAX")


def write_line(value):
    data = (json.dumps(value) + "\n").encode("utf-8")
    while data:
        written = os.write(1, data)
        data = data[written:]


def set_limits(limits):
    mib = 1024 * 1024
    cpu = max(1, int(limits["cpuSeconds"] + 0.999))
    resource.setrlimit(resource.RLIMIT_AS, (int(limits["memoryMb"] * mib),) * 2)
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    # This worker counts as one process of the uid in the sandbox's user namespace.
    resource.setrlimit(resource.RLIMIT_NPROC, (int(limits["processes"]) + 1,) * 2)
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(limits["fileMb"] * mib),) * 2)
    resource.setrlimit(resource.RLIMIT_NOFILE, (int(limits["openFiles"]),) * 2)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_MSGQUEUE, (0, 0))


def run_child(source, limits, directory, stdout_fd, stderr_fd):
    """In the forked child: never returns."""
    code = 1
    try:
        os.setsid()
        # As a fresh interpreter has them: SIGINT raises KeyboardInterrupt, SIGPIPE is ignored.
        for number in range(1, signal.NSIG):
            try:
                signal.signal(number, signal.SIG_DFL)
            except (OSError, ValueError, RuntimeError):
                pass
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
        os.chdir(directory)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(stdout_fd, 1)
        os.dup2(stderr_fd, 2)
        os.closerange(3, MAX_FD)
        sys.stdin = open(0, "r", closefd=False)
        set_limits(limits)
        linecache.cache["program.py"] = (len(source), None, source.splitlines(True), "program.py")
        main = types.ModuleType("__main__")
        main.__file__ = "program.py"
        main.__builtins__ = builtins
        sys.modules["__main__"] = main
        sys.argv = ["program.py"]
        try:
            exec(compile(source, "program.py", "exec"), main.__dict__)
            code = 0
        except SystemExit as stop:
            if stop.code is None:
                code = 0
            elif isinstance(stop.code, int):
                code = stop.code & 0xFF
            else:
                print(stop.code, file=sys.stderr)
                code = 1
        except BaseException:
            traceback.print_exc()
            code = 1
        try:
            atexit._run_exitfuncs()
            if "threading" in sys.modules:
                sys.modules["threading"]._shutdown()
        except BaseException:
            traceback.print_exc()
            code = code or 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass
        os._exit(code)


def run_queue_wait(pid):
    """Seconds process `pid` has waited for a CPU (run_delay in /proc/<pid>/schedstat); 0 when unknown."""
    try:
        with open("/proc/%d/schedstat" % pid) as stats:
            return int(stats.read().split()[1]) / 1e9
    except (OSError, ValueError, IndexError):
        return 0.0


def kill_others_and_reap(child):
    """kill(-1) from pid 1: every process of the sandbox but this one. Returns the child's status."""
    status = None
    try:
        os.kill(-1, signal.SIGKILL)
    except OSError:
        pass
    while True:
        try:
            pid, wait_status = os.waitpid(-1, 0)
        except ChildProcessError:
            return status
        if pid == child:
            status = wait_status


def unlock(directory):
    """A program may leave directories it made unreadable: they are ours, so chmod opens them."""
    try:
        os.chmod(directory, 0o700)
        names = os.listdir(directory)
    except OSError:
        return
    for name in names:
        path = os.path.join(directory, name)
        if os.path.isdir(path) and not os.path.islink(path):
            unlock(path)


def empty(directory):
    """Removes everything in `directory`; True when it is empty afterwards."""
    try:
        os.chmod(directory, 0o755)
    except OSError:
        pass
    for name in os.listdir(directory):
        path = os.path.join(directory, name)
        try:
            if os.path.isdir(path) and not os.path.islink(path):
                unlock(path)
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.unlink(path)
        except OSError:
            pass
    return not os.listdir(directory)


LIMITED = [getattr(resource, name) for name in dir(resource) if name.startswith("RLIMIT_")]


def own_state():
    """What a program of the same uid could change in this process: its rlimits and priority."""
    return [resource.getrlimit(number) for number in LIMITED] + [os.getpriority(os.PRIO_PROCESS, 0)]


def remove_ipc():
    for kind in ("shm", "sem", "msg"):
        try:
            with open("/proc/sysvipc/" + kind) as listing:
                if len(listing.read().splitlines()) > 1:
                    os.spawnv(os.P_WAIT, "/usr/bin/ipcrm", ["ipcrm", "--all"])
                    return
        except OSError:
            pass


def serve(request, state):
    source = request["source"]
    limits = request["limits"]
    directory = tempfile.mkdtemp(prefix="run-", dir="/tmp")
    stdout_read, stdout_write = os.pipe()
    stderr_read, stderr_write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    started = time.monotonic()
    child = os.fork()
    if child == 0:
        os.close(stdout_read)
        os.close(stderr_read)
        run_child(source, limits, directory, stdout_write, stderr_write)
    os.close(stdout_write)
    os.close(stderr_write)
    pidfd = os.pidfd_open(child)
    # The wall-clock limit leaves out the time the program waited for a CPU, up to a stretch of
    # the limit (see run-queue.ts, which sends `wallStretchMax`).
    wall = limits["wallMs"] / 1000.0
    latest = started + request.get("wallStretchMax", 1) * wall
    deadline = started + wall
    waited = 0.0
    kept = {stdout_read: bytearray(), stderr_read: bytearray()}
    printed = 0
    limit = None
    status = None
    open_fds = {stdout_read, stderr_read}
    exited = False
    while open_fds or not exited:
        watch = list(open_fds) + ([] if exited else [pidfd])
        now = time.monotonic()
        if now >= deadline:
            if not exited:
                waited = max(waited, run_queue_wait(child))
            deadline = min(started + wall + waited, latest)
            if now >= deadline:
                limit = "wall"
                break
        remaining = deadline - now
        ready, _, _ = select.select(watch, [], [], remaining)
        for fd in ready:
            if fd == pidfd:
                exited = True
                waited = max(waited, run_queue_wait(child))
                # Whatever it left running must not keep its pipes open.
                status = kill_others_and_reap(child)
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                open_fds.discard(fd)
                continue
            printed += len(chunk)
            if printed > limits["outputBytes"]:
                limit = "output"
                break
            buffer = kept[fd]
            if fd == stdout_read:
                if len(buffer) < KEEP:
                    buffer.extend(chunk[: KEEP - len(buffer)])
            else:
                buffer.extend(chunk)
                if len(buffer) > 2 * KEEP:
                    del buffer[: len(buffer) - KEEP]
        if limit is not None:
            break
    if not exited:
        status = kill_others_and_reap(child)
    duration = (time.monotonic() - started) * 1000.0
    for fd in (stdout_read, stderr_read, pidfd):
        os.close(fd)
    clean = empty("/tmp") & empty("/dev/shm")
    remove_ipc()
    # A program left something behind, or changed this worker (prlimit and setpriority on pid 1
    # need only the same uid): the worker retires after this answer; the harness starts another.
    retire = not clean or own_state() != state
    exit_code = None
    signal_name = None
    if status is not None:
        if os.WIFEXITED(status):
            exit_code = os.WEXITSTATUS(status)
        elif os.WIFSIGNALED(status):
            signal_name = signal.Signals(os.WTERMSIG(status)).name
    write_line(
        {
            "exitCode": exit_code,
            "signal": signal_name,
            "stdout": bytes(kept[stdout_read]).decode("utf-8", "replace"),
            "stderr": bytes(kept[stderr_read][-KEEP:]).decode("utf-8", "replace"),
            "durationMs": duration,
            "limit": limit,
            "retire": retire,
        }
    )
    return retire


def main():
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE):
        signal.signal(number, signal.SIG_IGN)
    state = own_state()
    write_line({"ready": True, "version": sys.version.split()[0]})
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        if serve(json.loads(line), state):
            return
    # stdin closed: the harness is gone or done; the sandbox ends with this process.


main()
