# mode: both
# __main__'s loader: a SourceFileLoader for a file, BuiltinImporter else.
print(sorted(globals().keys()))
print(type(__loader__).__name__, type(__loader__).__module__)
if isinstance(__loader__, type):
    print(__loader__)
else:
    print(__loader__.name, __loader__.path == __file__,
          vars(__loader__) == {'name': '__main__', 'path': __file__})

print(__spec__, __package__)
