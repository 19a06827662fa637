"""Exports one SGD step of linear regression from PyTorch as an ONNX graph with the learning rate as an input.

    python export_linear_step.py [OUT.onnx]

The module's forward takes the learning rate like any other tensor and returns the updated weights, so
the exported graph computes `W_new = W - lr * grad` with standard ONNX operators only. The package's
test fixture test/fixtures/torch-linear-step.onnx was written by this script (PyTorch 1.13, opset 17).
"""
import sys

import torch


class LinearRegressionStep(torch.nn.Module):
    def forward(self, X, y, W, lr):
        err = X @ W - y
        loss = (err * err).mean()
        grad = (2.0 / X.shape[0]) * (err @ X)  # d loss / d W, written out: the exporter records forward only
        return W - lr * grad, loss


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "linear_step.onnx"
    example = (torch.randn(16, 3), torch.randn(16), torch.zeros(3), torch.tensor(0.1))
    torch.onnx.export(
        LinearRegressionStep(),
        example,
        out,
        input_names=["X", "y", "W", "lr"],
        output_names=["W_new", "loss"],
        dynamic_axes={"X": {0: "batch"}, "y": {0: "batch"}},
        opset_version=17,
    )
    print(f"wrote {out}")
