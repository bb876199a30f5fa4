"""Honeyframe pipeline scheduler (lab stand-in): `python3 -m scheduler`, a loop that sleeps and logs."""

import time

from honeyframe_lab import exit_if_crash_requested

exit_if_crash_requested("hub-scheduler")
print("hub-scheduler: started", flush=True)
tick = 0
while True:
    time.sleep(30)
    tick += 1
    print(f"hub-scheduler: tick {tick}, no jobs due", flush=True)
