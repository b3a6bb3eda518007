x = "ab\xZ"
