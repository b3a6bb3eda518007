# 3.x exceptions: with_traceback sets __traceback__ and returns the exception (keeping the traceback and its frames alive), add_note collects str notes in __notes__.
import sys
e = ValueError('w')
print(e.with_traceback(None) is e, e.__traceback__)
try:
    e.with_traceback(5)
except TypeError as t:
    print('TypeError', t)
try:
    raise KeyError('k')
except KeyError as k:
    tb = k.__traceback__
print(ValueError('x').with_traceback(tb).__traceback__ is tb)
e.add_note('first note')
e.add_note('second')
print(e.__notes__)
try:
    e.add_note(3)
except TypeError as t:
    print('TypeError', t)
e.__notes__ = 'nope'
try:
    e.add_note('x')
except TypeError as t:
    print('TypeError', t)
