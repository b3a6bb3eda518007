# Built-in functions and types called with keywords: which keywords each profile takes (round's ndigits, enumerate's start and 2.7's sequence, 2.7's float(x=) and bool(x=)...) and CPython's errors for the others.
from __future__ import print_function
calls = [
    (round, (2.567,), {'ndigits': 1}), (sorted, ([3, 1],), {'reverse': True}), (enumerate, ('ab',), {'start': 1}),
    (enumerate, (), {'iterable': 'ab'}), (list, (), {'iterable': 'ab'}), (tuple, (), {'iterable': 'ab'}), (float, (), {'x': '1.5'}),
    (str, (), {'object': 5}), (bool, (), {'x': 1}), (dict, (), {'a': 1}), (set, (), {'iterable': 'ab'}), (min, ([3, 1],), {'key': abs}),
    (max, ([],), {'default': 7}), (sum, ([1, 2],), {'start': 10}), (divmod, (7,), {'y': 2}), (pow, (2, 3), {'mod': 5}), (getattr, (1, 'real'), {}),
    (zip, ('ab',), {'strict': True}), (map, (str,), {'iterable': [1]}), (filter, (None,), {'iterable': [1]}), (next, (iter([]),), {'default': 0}),
    (repr, (), {'obj': 1}), (abs, (), {'x': -1}), (len, (), {'obj': []}), (isinstance, (1,), {'classinfo': int}), (hash, (), {'obj': 1}),
    (range, (), {'stop': 3}), (print, (), {'end': ''}), (sorted, (), {'iterable': [2, 1]}), (int, ('5',), {}),
]
for f, a, k in calls:
    try:
        r = f(*a, **k)
        print(getattr(f, '__name__', f), '->', list(r) if type(r).__name__ in ('enumerate', 'zip', 'map', 'filter') else r)
    except (TypeError, ValueError) as e:
        print(getattr(f, '__name__', f), 'X', type(e).__name__, e)
for f, a, k in ((enumerate, (), {'sequence': 'ab'}), (enumerate, ('ab',), {'sequence': 'x'}), (enumerate, (), {'foo': 1}), (enumerate, ('ab',), {'foo': 1}), (float, (), {'y': 1}), (bool, (), {'x': 0}), (float, ('1',), {'x': '2'})):
    try:
        r = f(*a, **k)
        print('ok', list(r) if type(r).__name__ == 'enumerate' else r)
    except TypeError as e:
        print('TypeError', e)
