import StackKitAWS
import StackKit
