"""Measuring a model: metrics, operating points, slices, plots and ablation."""
