# workon placeholder
