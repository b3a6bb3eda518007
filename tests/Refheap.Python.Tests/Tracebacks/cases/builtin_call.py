x = len(5)
