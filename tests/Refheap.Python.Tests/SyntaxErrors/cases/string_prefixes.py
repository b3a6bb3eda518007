x = ur"\u1234" + Ur'x' + bR"x" + Rb"x"
