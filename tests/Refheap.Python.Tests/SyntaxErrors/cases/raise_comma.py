raise E, "v"
