x = 1j
return
