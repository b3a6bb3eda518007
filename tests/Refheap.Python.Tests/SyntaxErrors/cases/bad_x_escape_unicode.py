x = u"abc\x4"
