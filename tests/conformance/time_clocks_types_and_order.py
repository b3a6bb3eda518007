# The time module's clocks: only their types and order are deterministic, never their values;
# a conformance case must not print times.
from __future__ import print_function
import time

t1 = time.time()
p1 = time.perf_counter() if hasattr(time, "perf_counter") else time.time()
total = 0
for i in range(1000):
    total += i
t2 = time.time()
p2 = time.perf_counter() if hasattr(time, "perf_counter") else time.time()
print("time is float", isinstance(t1, float))
print("perf_counter is float", isinstance(p1, float))
print("time does not go back", t2 >= t1)
print("perf_counter does not go back", p2 >= p1)
print("total", total)
print("has perf_counter", hasattr(time, "perf_counter"))
