x = rb"x"
