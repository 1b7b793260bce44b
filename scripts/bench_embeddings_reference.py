#!/usr/bin/env python3
"""A reference engine as the comparison worker of `chatlab bench embeddings`.

    chatlab bench embeddings --python /path/to/python   (make bench-embeddings-compare)

--engine torch (default): sentence-transformers on PyTorch (CPU).
--engine onnx: ONNX Runtime fp32 the way fastembed runs the model: the `tokenizers` fast tokenizer from the model's
    tokenizer.json (truncation at 256, padding to the batch's longest), an InferenceSession (CPU, intra-op threads T,
    inter-op 1, all graph optimisations), mean pooling under the attention mask and L2 normalisation in numpy; the
    tokenizer and the pooling are inside the measured time. The model is exported once with torch.onnx.export (inputs
    input_ids, attention_mask, token_type_ids with dynamic batch and sequence axes; output last_hidden_state; opset
    17) to --onnx-model (default: minilm-onnx/model.onnx in this Python's venv), only when that file is missing.

chatlab starts this script and sends one JSON request per line on stdin; each gets one JSON reply line on stdout:

    {"op": "load", "model": DIR, "texts": {"short": [...], "long": [...]}, "vectors": K}
        -> {"tokens": {"short": [n, ...], "long": [...]}, "versions": "...",
            "vectors": {"short": [[...384 floats], ...K], "long": [...]}}
    {"op": "peak", "threads": T, "seconds": S}
        -> {"gflops": G}      float32 2048x2048 products repeated for S seconds after one warm-up (torch.matmul, or a
                              one-node MatMul graph in ONNX Runtime on T intra-op threads)
    {"op": "measure", "threads": T, "set": "short", "batch": B, "seconds": S}
        -> {"texts": N, "seconds": S}

"vectors" are the unit vectors of the first K texts of each set, so that chatlab can show the engines agree.
"measure" encodes the first batch once to warm up, then batches from text B on, cycling through the set, until S
seconds have passed; chatlab derives tokens and FLOPs from N. A failure answers {"error": "..."}. Not part of the
build or the tests.
"""
import argparse
import json
import os
import sys
import time

MAX_TOKENS = 256
SIZE = 2048


def cycle(texts, batch):
    """Batches of `batch` texts, cycling through `texts` from the first."""
    index = 0
    while True:
        yield [texts[(index + i) % len(texts)] for i in range(batch)]
        index = (index + batch) % len(texts)


def repeat(step, seconds):
    """Runs `step` once to warm up, then until `seconds` have passed; returns (sum of its results, seconds taken)."""
    step()
    done = 0
    start = time.perf_counter()
    while True:
        done += step()
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done, elapsed


def sgemm_rate(product, seconds):
    """GFLOP/s of `product` (one SIZE x SIZE by SIZE x SIZE float32 product) repeated for `seconds`."""
    def step():
        product()
        return 1

    products, elapsed = repeat(step, seconds)
    return 2 * SIZE ** 3 * products / elapsed / 1e9


class TorchEngine:
    def __init__(self, options):
        import torch
        self.torch = torch
        self.model = None

    def load(self, folder):
        import sentence_transformers
        from sentence_transformers import SentenceTransformer
        self.model = SentenceTransformer(folder, device="cpu")
        return f"torch {self.torch.__version__}, sentence-transformers {sentence_transformers.__version__}"

    def tokens(self, texts):
        return [len(self.model.tokenizer(t, truncation=True, max_length=MAX_TOKENS)["input_ids"]) for t in texts]

    def vectors(self, texts):
        with self.torch.inference_mode():
            return self.model.encode(texts, normalize_embeddings=True).tolist()

    def peak(self, threads, seconds):
        torch = self.torch
        torch.set_num_threads(threads)
        a, b = torch.rand(SIZE, SIZE), torch.rand(SIZE, SIZE)
        return sgemm_rate(lambda: torch.matmul(a, b), seconds)

    def measure(self, texts, threads, batch, seconds):
        self.torch.set_num_threads(threads)
        batches = cycle(texts, batch)

        def step():
            self.model.encode(next(batches), batch_size=batch)
            return batch

        with self.torch.inference_mode():
            return repeat(step, seconds)


class OnnxEngine:
    def __init__(self, options):
        import numpy
        import onnxruntime
        self.np = numpy
        self.ort = onnxruntime
        self.path = options.onnx_model or os.path.join(sys.prefix, "minilm-onnx", "model.onnx")
        self.tokenizer = None
        self.sessions = {}
        self.matmuls = {}

    def load(self, folder):
        import tokenizers
        from tokenizers import Tokenizer
        if not os.path.exists(self.path):
            export(folder, self.path)
        self.tokenizer = Tokenizer.from_file(os.path.join(folder, "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        pad = self.tokenizer.token_to_id("[PAD]") or 0
        self.tokenizer.enable_padding(pad_id=pad, pad_token="[PAD]")
        return f"onnxruntime {self.ort.__version__} fp32 ({self.path}), tokenizers {tokenizers.__version__}"

    def options(self, threads):
        options = self.ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = self.ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        return options

    def session(self, threads):
        if threads not in self.sessions:
            self.sessions[threads] = self.ort.InferenceSession(
                self.path, self.options(threads), providers=["CPUExecutionProvider"])
        return self.sessions[threads]

    def tokens(self, texts):
        return [sum(e.attention_mask) for e in self.tokenizer.encode_batch(texts)]

    def embed(self, session, texts):
        np = self.np
        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        types = np.array([e.type_ids for e in encoded], dtype=np.int64)
        hidden = session.run(["last_hidden_state"],
                             {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def vectors(self, texts):
        return self.embed(self.session(1), texts).tolist()

    def peak(self, threads, seconds):
        if threads not in self.matmuls:
            from onnx import TensorProto, helper
            a = helper.make_tensor_value_info("a", TensorProto.FLOAT, [SIZE, SIZE])
            b = helper.make_tensor_value_info("b", TensorProto.FLOAT, [SIZE, SIZE])
            c = helper.make_tensor_value_info("c", TensorProto.FLOAT, [SIZE, SIZE])
            graph = helper.make_graph([helper.make_node("MatMul", ["a", "b"], ["c"])], "sgemm", [a, b], [c])
            model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
            model.ir_version = 8
            self.matmuls[threads] = self.ort.InferenceSession(
                model.SerializeToString(), self.options(threads), providers=["CPUExecutionProvider"])
        session = self.matmuls[threads]
        rng = self.np.random.default_rng(0)
        inputs = {"a": rng.random((SIZE, SIZE), dtype=self.np.float32),
                  "b": rng.random((SIZE, SIZE), dtype=self.np.float32)}
        return sgemm_rate(lambda: session.run(None, inputs), seconds)

    def measure(self, texts, threads, batch, seconds):
        session = self.session(threads)
        batches = cycle(texts, batch)

        def step():
            self.embed(session, next(batches))
            return batch

        return repeat(step, seconds)


def export(folder, path):
    """Exports the model's BertModel to ONNX at `path` (written next to it, then renamed into place)."""
    import warnings
    import torch
    from transformers import AutoModel

    class Hidden(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    model = Hidden(AutoModel.from_pretrained(folder).eval())
    ids = torch.ones(2, 8, dtype=torch.long)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    partial = f"{path}.{os.getpid()}.partial"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (ids, torch.ones_like(ids), torch.zeros_like(ids)), partial,
                          input_names=names, output_names=["last_hidden_state"],
                          dynamic_axes={n: {0: "batch", 1: "sequence"} for n in names + ["last_hidden_state"]},
                          opset_version=17, dynamo=False)
    os.replace(partial, path)
    print(f"exported {folder} to {path}", file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=["torch", "onnx"], default="torch")
    parser.add_argument("--onnx-model", help="the exported model (made when missing)")
    options = parser.parse_args()
    engine = None
    sets = {}
    for line in sys.stdin:
        request = json.loads(line)
        try:
            op = request["op"]
            if engine is None:
                engine = (TorchEngine if options.engine == "torch" else OnnxEngine)(options)
            if op == "load":
                versions = engine.load(request["model"])
                sets = request["texts"]
                count = request.get("vectors", 0)
                reply = {"tokens": {name: engine.tokens(texts) for name, texts in sets.items()},
                         "versions": versions,
                         "vectors": {name: engine.vectors(texts[:count]) if count else []
                                     for name, texts in sets.items()}}
            elif op == "peak":
                reply = {"gflops": engine.peak(request["threads"], request["seconds"])}
            elif op == "measure":
                count, elapsed = engine.measure(sets[request["set"]], request["threads"], request["batch"],
                                                request["seconds"])
                reply = {"texts": count, "seconds": elapsed}
            else:
                reply = {"error": f"unknown op {op!r}"}
        except Exception as error:  # the reply carries it to chatlab, which names it
            reply = {"error": f"{type(error).__name__}: {error}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
