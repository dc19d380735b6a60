"""The counter's identity checks (本人確認) and the カード交付 desk's card events, with the
server-side comparison of a presented individual number against the register."""
