import StackKit
import AWSClient
public enum StackToolkitModule {}
