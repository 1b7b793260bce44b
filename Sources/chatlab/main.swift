print("chatlab")
