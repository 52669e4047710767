# -*- coding: utf-8 -*-
s = "café 中文"
print(s)
print(len(s))
print(s.encode("utf-8"))
