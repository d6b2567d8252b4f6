package dev.paperlink.server.testing;

/** Small bibliographies shared by feature tests (appended to fixtures as corpus files). */
public final class Corpora {
    private Corpora() {
    }

    /** Three well-known papers, as a corpus file {@code corpus/ml.bib}. */
    public static final String ML = """
            %! corpus/ml.bib
            @inproceedings{vaswani2017,
              title = {Attention Is All You Need},
              author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and Uszkoreit, Jakob and Jones, Llion and Gomez, Aidan N. and Kaiser, Lukasz and Polosukhin, Illia},
              booktitle = {Advances in Neural Information Processing Systems},
              year = {2017}, eprint = {1706.03762},
              abstract = {The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.}
            }
            @inproceedings{he2016,
              title = {Deep Residual Learning for Image Recognition},
              author = {He, Kaiming and Zhang, Xiangyu and Ren, Shaoqing and Sun, Jian},
              booktitle = {CVPR}, year = {2016}, doi = {10.1109/CVPR.2016.90}
            }
            @article{devlin2019,
              title = {BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding},
              author = {Devlin, Jacob and Chang, Ming-Wei and Lee, Kenton and Toutanova, Kristina},
              year = {2019}, url = {https://aclanthology.org/N19-1423}
            }
            """;
}
