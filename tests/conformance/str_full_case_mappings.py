# 3.x str case mappings are Unicode's full ones: sharp s upper-cased is SS, dotted capital I lower-cased is two characters, title case of digraphs and ligatures, the final sigma.
# -*- coding: utf-8 -*-
words = ['straße', 'İstanbul', 'ﬁne', 'ǆungla', 'ΟΔΟΣ', 'ΑΣ ΣΑ', 'Σ', 'aΣ.', "ŉ", 'ǰ', 'ΐ']
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.title()), repr(w.capitalize()), repr(w.swapcase()), repr(w.casefold()), len(w.upper()))
print('Όσος'.upper(), 'ὈΔΥΣΣΕΎΣ'.lower(), 'hello WORLD'.swapcase(), 'ǅ'.istitle(), 'ß'.islower(), 'SS'.isupper())
