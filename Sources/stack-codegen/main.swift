import StackCodegen
print("codegen")
