"""Stand-in Honeyframe backend for the hfleet lab: a tiny ASGI app with a health endpoint and a failure switch.

Failure switch: the file /etc/honeyframe/lab-fault/<service> or the variable HONEYFRAME_LAB_FAULT holds
`crash` (the app exits non-zero at start) or `unhealthy` (GET /api/health answers 503).
"""

import json
import os
import sys

FAULT_DIR = "/etc/honeyframe/lab-fault"


def current_fault(service):
    """The fault asked for this service: 'crash', 'unhealthy' or '' (the file wins over the environment)."""
    try:
        with open(os.path.join(FAULT_DIR, service), encoding="utf-8") as handle:
            return handle.read().strip()
    except OSError:
        return os.environ.get("HONEYFRAME_LAB_FAULT", "").strip()


def exit_if_crash_requested(service):
    """Exit with status 3 when this service is asked to crash at start."""
    if current_fault(service) == "crash":
        print(f"{service}: lab fault 'crash' requested, exiting", file=sys.stderr, flush=True)
        sys.exit(3)


def make_app(service):
    """The ASGI application of one stand-in service."""
    exit_if_crash_requested(service)

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        status, body = route(service, scope["method"], scope["path"])
        payload = json.dumps(body).encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": payload})

    return app


def route(service, method, path):
    """Status and JSON body for one request."""
    if path != "/api/health":
        return 404, {"error": "not found", "path": path}
    if method not in ("GET", "HEAD"):
        return 405, {"error": "method not allowed"}
    if current_fault(service) == "unhealthy":
        return 503, {"status": "unhealthy", "service": service, "pid": os.getpid()}
    return 200, {"status": "ok", "service": service, "pid": os.getpid(), "user": os.getuid()}
