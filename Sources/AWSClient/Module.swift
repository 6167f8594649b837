public enum AWSClientModule {}
