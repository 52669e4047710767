print("start")
x = "ÿş"
