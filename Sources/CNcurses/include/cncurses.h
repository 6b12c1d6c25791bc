int cn_placeholder(void);
