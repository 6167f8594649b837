public enum StackKitAWSModule {}
