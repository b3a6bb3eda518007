None.x = 1
