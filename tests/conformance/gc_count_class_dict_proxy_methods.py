# a class's __dict__ proxy: its methods are plain methods (bound as built-in methods), and 2.7's forward to the dict through a second bound method (get with a new argument tuple)
import gc
import sys

proxy = list.__dict__
plain = {'a': 1}


def counted(label, f):
    gc.collect()
    before = gc.get_count()[0]
    f()
    print(label, gc.get_count()[0] - before)


counted('nothing', lambda: None)
counted('proxy.keys', lambda: proxy.keys)
counted('proxy.keys()', lambda: proxy.keys())
counted('plain.keys()', lambda: plain.keys())
counted("proxy.get('x')", lambda: proxy.get('x'))
if sys.version_info[0] == 2:
    counted('update from proxy', lambda: {}.update(proxy))
print(proxy.keys, proxy.get('append') is not None, proxy.get('nope'), proxy.get('nope', 5))
print('append' in proxy.keys(), len(proxy.items()) == len(proxy), type(proxy.copy()).__name__)
for bad in [lambda: proxy.get(), lambda: proxy.keys(1), lambda: proxy.get(1, 2, 3)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
