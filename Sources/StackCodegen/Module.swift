public enum StackCodegenModule {}
