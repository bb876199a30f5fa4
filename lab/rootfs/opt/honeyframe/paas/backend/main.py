"""Honeyframe Platform API (lab stand-in): `python3 -m uvicorn main:app --port 8001`."""

from honeyframe_lab import make_app

app = make_app("hub-platform")
