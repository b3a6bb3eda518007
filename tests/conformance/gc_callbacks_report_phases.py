# gc.callbacks (3.3 and later): each collection calls every callback with "start" and "stop"
# and an info dict whose "collected" and "uncollectable" counts match collect()'s result.
import gc

gc.disable()
gc.collect()
events = []


def record(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"]))


class Node(object):
    pass


gc.callbacks.append(record)
a = Node()
a.me = a
del a
found = gc.collect()
gc.collect(0)
gc.callbacks.remove(record)
gc.collect()
print(found)
for event in events:
    print(event)
