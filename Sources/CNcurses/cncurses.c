int cn_placeholder(void) { return 0; }
