# int() and float() of 3.x text take any Unicode decimal digits and spaces, as CPython transforms them to ASCII first.
# -*- coding: utf-8 -*-
print(int('٣'), int(' ٣٤ '), float('٣.٥'), int('１２'))
try:
    int('²')
except ValueError as e:
    print(e)
try:
    float('x٣')
except ValueError as e:
    print(e)
