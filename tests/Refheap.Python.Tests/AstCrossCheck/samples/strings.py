'single'
"double"
'''triple single'''
"""triple
double"""
'a' "b" 'c'
'escapes \n \t \\ \' \x41 \101 \u00e9 \U0001F600'
r'raw \n \d'
b'bytes \x00 \xff'
rb'raw bytes \n'
Rb"x" bR'y' BR"z"
"line \
continued"
("implicit "
 "joining")
f"plain"
f"{x}"
f"a{b}c{d!r}e{f:>10}g"
f"{x!s:{width}.{precision}}"
f"{{literal}} {x}"
f"{'nested'}"
f"pre" "mid" f"{x}"
F"{x = }"
rf"\n{x}"
f'''{
    x
}'''
