assert(x, "message")
