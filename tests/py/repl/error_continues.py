# mode: both
# An uncaught error ends a script, but the REPL reports it and continues.
print("before")
1 / 0
print("after the error")
undefined_name
"still running"
