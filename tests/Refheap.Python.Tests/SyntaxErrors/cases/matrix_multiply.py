x = y @ z
