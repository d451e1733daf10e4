"""Learned parts of Truceline: a small linear classifier trained with numpy, its model files, and calibration.

Models ship as data files under ``truceline/data/models/`` with the script (or `truceline train` command) that
rebuilds them; they load offline and run on the CPU.
"""
