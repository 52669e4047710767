# Raw strings keep backslashes.
print(r"a\nb")
print(R'c:\temp\new')
print(len(r"\n"), len("\n"))
print(r"\x41" == "\\x41")
print(r'quote \' kept')
print(rb"\x00" == b"\\x00")
