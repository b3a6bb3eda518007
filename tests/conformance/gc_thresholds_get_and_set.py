# The collector's thresholds: the defaults, setting one, two or three values, enabling and
# disabling, the counts right after a full collection, and collect() of a generation that
# does not exist.
from __future__ import print_function
import gc

print("default", gc.get_threshold())
print("enabled", gc.isenabled())
gc.set_threshold(500)
print("one value", gc.get_threshold())
gc.set_threshold(100, 5)
print("two values", gc.get_threshold())
gc.set_threshold(50, 4, 3)
print("three values", gc.get_threshold())
gc.disable()
print("enabled after disable", gc.isenabled())
gc.collect()
print("count after collect", gc.get_count())
gc.enable()
print("enabled after enable", gc.isenabled())
gc.set_threshold(700, 10, 10)
print("restored", gc.get_threshold())
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError", e)
