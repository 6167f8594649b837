import StackKit
