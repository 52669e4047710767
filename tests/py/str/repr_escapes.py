# repr of strings chooses quotes and escapes non-printables.
print(repr("it's"))
print(repr('a"b'))
print(repr("both ' and \""))
print(repr("\x00\n\t\\"))
print(repr("é"), repr("中"), repr("😀"))
print(repr("\x7f\x80\xa0\xad"))
print(repr("\r\x1b"), repr("\u200b"), repr("\ufeff"))
print(repr(""), repr("'"), repr('"'))
