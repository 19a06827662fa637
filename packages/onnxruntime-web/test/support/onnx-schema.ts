/**
 * The part of the ONNX model format (onnx.proto, IR version 8+) that a small training-step graph needs,
 * written out as a protobuf schema for `protobufjs`. The field numbers are those of the public ONNX
 * specification; fields a generated graph never sets (sparse tensors, functions, training info, ...)
 * are left out, which protobuf allows: readers skip what they do not know and default what is absent.
 *
 * @packageDocumentation
 */

/** The ONNX element types this builder writes (`TensorProto.DataType`). */
export const ELEM_TYPE = { float32: 1, int32: 6, int64: 7, float64: 11 } as const;

/** Element type names accepted by the builder. */
export type ElemTypeName = keyof typeof ELEM_TYPE;

/** The `AttributeProto.AttributeType` values this builder writes. */
export const ATTRIBUTE_TYPE = { float: 1, int: 2, tensor: 4, ints: 7 } as const;

/** The schema, in protobuf's own language; parsed once by `onnx-builder.ts`. */
export const ONNX_SCHEMA = `
syntax = "proto2";
package onnx;

message OperatorSetIdProto {
  optional string domain = 1;
  optional int64 version = 2;
}

message TensorProto {
  repeated int64 dims = 1;
  optional int32 data_type = 2;
  repeated float float_data = 4 [packed = true];
  repeated int32 int32_data = 5 [packed = true];
  repeated int64 int64_data = 7 [packed = true];
  optional string name = 8;
  optional bytes raw_data = 9;
  repeated double double_data = 10 [packed = true];
}

message TensorShapeProto {
  message Dimension {
    oneof value {
      int64 dim_value = 1;
      string dim_param = 2;
    }
  }
  repeated Dimension dim = 1;
}

message TypeProto {
  message Tensor {
    optional int32 elem_type = 1;
    optional TensorShapeProto shape = 2;
  }
  oneof value {
    Tensor tensor_type = 1;
  }
}

message ValueInfoProto {
  optional string name = 1;
  optional TypeProto type = 2;
}

message AttributeProto {
  optional string name = 1;
  optional float f = 2;
  optional int64 i = 3;
  optional TensorProto t = 5;
  repeated int64 ints = 8 [packed = true];
  optional int32 type = 20;
}

message NodeProto {
  repeated string input = 1;
  repeated string output = 2;
  optional string name = 3;
  optional string op_type = 4;
  repeated AttributeProto attribute = 5;
  optional string domain = 7;
}

message GraphProto {
  repeated NodeProto node = 1;
  optional string name = 2;
  repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11;
  repeated ValueInfoProto output = 12;
}

message ModelProto {
  optional int64 ir_version = 1;
  optional string producer_name = 2;
  optional string producer_version = 3;
  optional GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8;
}
`;
